package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeText.text;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFTextBody;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;


/**
 * The DOCX's annex charts as native Word charts (DrawingML, with their figures in an embedded
 * workbook: the office edits them in Word), drawn like the PDF's: the same size, palette, value axis
 * ({@link ChartStyle#valueAxis}: the same round steps), legend below and values over the bars only when
 * the PDF writes them ({@link ChartStyle#labelled}). Times New Roman 10 pt.
 */
final class DocxCharts {

    /** Vietnamese separators ("100.000", "116,71"), as the PDF writes them: the format names its locale (vi-VN). */
    private static final String NUMBER_FORMAT = "[$-42A]#,##0";

    private DocxCharts() {
    }

    /** Adds the chart in {@code run}, inline, {@link ChartImages#WIDTH_POINTS} x {@link ChartImages#HEIGHT_POINTS}. */
    static XWPFChart add(XWPFRun run, Briefing.Chart chart) throws IOException {
        XWPFChart word;
        try {
            word = run.getDocument().createChart(run, Units.toEMU(ChartImages.WIDTH_POINTS),
                    Units.toEMU(ChartImages.HEIGHT_POINTS));
        } catch (InvalidFormatException e) {
            throw new IOException("Could not add the chart \"" + text(chart.title()) + "\"", e);
        }
        List<Briefing.Series> series = chart.series().stream().filter(Objects::nonNull).toList();
        List<String> categories = categories(series);
        boolean line = chart.kind() == Briefing.ChartKind.LINE;
        boolean labels = ChartStyle.labelled(!line, series.size(), categories.size());

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<Double[]> values = new ArrayList<>();
        boolean decimals = false;
        for (Briefing.Series s : series) {
            Double[] row = new Double[categories.size()];
            for (Briefing.Point point : s.points()) {
                if (point != null && point.value() != null) {
                    double value = point.value().doubleValue();
                    row[categories.indexOf(text(point.category()))] = value;
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                    decimals |= value != Math.rint(value);
                }
            }
            values.add(row);
        }
        double[] axis = min > max ? new double[] {0, 1, 0.2} : ChartStyle.valueAxis(min, max, labels);
        String format = decimals ? NUMBER_FORMAT + ".0#" : NUMBER_FORMAT;

        XDDFCategoryAxis bottom = word.createCategoryAxis(AxisPosition.BOTTOM);
        bottom.setMajorTickMark(AxisTickMark.NONE);
        XDDFValueAxis left = word.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        left.setCrossBetween(AxisCrossBetween.BETWEEN); // points in the middle of their month, as the PDF's
        left.setMinimum(axis[0]);
        left.setMaximum(axis[1]);
        left.setMajorUnit(axis[2]);
        left.setNumberFormat(format);
        left.setMajorTickMark(AxisTickMark.NONE);
        XDDFLineProperties grid = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb(new Color(0xBFBFBF)))));
        grid.setWidth(0.5);
        left.getOrAddMajorGridProperties().setLineProperties(grid);
        String unit = text(chart.valueAxis());
        if (!unit.isEmpty()) {
            left.setTitle(unit);
        }

        String[] names = categories.toArray(String[]::new);
        XDDFDataSource<String> categoryData = XDDFDataSourcesFactory.fromArray(names,
                word.formatRange(new CellRangeAddress(1, Math.max(1, names.length), 0, 0)), 0);
        XDDFChartData data = word.createData(line ? ChartTypes.LINE : ChartTypes.BAR, bottom, left);
        data.setVaryColors(false);
        if (data instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.COL);
        }
        for (int s = 0; s < series.size(); s++) {
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromArray(values.get(s),
                    word.formatRange(new CellRangeAddress(1, Math.max(1, names.length), s + 1, s + 1)), s + 1);
            XDDFChartData.Series added = data.addSeries(categoryData, numbers);
            String name = text(series.get(s).name());
            added.setTitle(name, word.setSheetTitle(name, s + 1));
            XDDFSolidFillProperties colour = new XDDFSolidFillProperties(XDDFColor.from(rgb((Color) ChartStyle.colour(s))));
            if (added instanceof XDDFLineChartData.Series lineSeries) {
                XDDFLineProperties stroke = new XDDFLineProperties(colour);
                stroke.setWidth(2.0);
                lineSeries.setLineProperties(stroke);
                lineSeries.setMarkerStyle(MarkerStyle.SQUARE);
                lineSeries.setSmooth(false);
            } else {
                added.setFillProperties(colour);
                added.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
            }
        }
        word.plot(data);
        XDDFChartLegend legend = word.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        // the PDF's legend and axis title: 11 pt, regular (the tick labels 10 pt, from the chart's defaults)
        XDDFTextBody legendText = new XDDFTextBody(legend);
        legendText.initialize().addDefaultRunProperties().setFontSize(11.0);
        legend.setTextBody(legendText);
        word.setAutoTitleDeleted(true);
        CTPlotArea plot = word.getCTChart().getPlotArea();
        if (line) {
            // markers take the series' colour, as the PDF's squares do
            for (int s = 0; s < plot.getLineChartArray(0).sizeOfSerArray(); s++) {
                var marker = plot.getLineChartArray(0).getSerArray(s).getMarker();
                var fill = marker.isSetSpPr() ? marker.getSpPr() : marker.addNewSpPr();
                fill.addNewSolidFill().addNewSrgbClr().setVal(rgb((Color) ChartStyle.colour(s)));
                fill.addNewLn().addNewSolidFill().addNewSrgbClr().setVal(rgb((Color) ChartStyle.colour(s)));
            }
        } else {
            for (int s = 0; s < plot.getBarChartArray(0).sizeOfSerArray(); s++) {
                CTDLbls dataLabels = plot.getBarChartArray(0).getSerArray(s).addNewDLbls();
                dataLabels.addNewShowLegendKey().setVal(false);
                dataLabels.addNewShowVal().setVal(labels);
                dataLabels.addNewShowCatName().setVal(false);
                dataLabels.addNewShowSerName().setVal(false);
                dataLabels.addNewShowPercent().setVal(false);
                dataLabels.addNewShowBubbleSize().setVal(false);
                if (labels) {
                    dataLabels.addNewNumFmt().setFormatCode(format);
                    dataLabels.getNumFmt().setSourceLinked(false);
                    dataLabels.addNewDLblPos().setVal(STDLblPos.OUT_END);
                }
            }
        }
        font(word);
        if (plot.sizeOfValAxArray() > 0 && plot.getValAxArray(0).isSetTitle()) {
            var rich = plot.getValAxArray(0).getTitle().getTx().getRich();
            for (var paragraph : rich.getPArray()) {
                for (var textRun : paragraph.getRArray()) {
                    CTTextCharacterProperties title = textRun.isSetRPr() ? textRun.getRPr() : textRun.addNewRPr();
                    title.setB(false);
                    title.setSz(1100);
                }
            }
        }
        return word;
    }

    /** Every text of the chart in Times New Roman 10 pt, black, as the PDF's tick labels. */
    private static void font(XWPFChart word) {
        var space = word.getCTChartSpace();
        CTTextBody body = space.isSetTxPr() ? space.getTxPr() : space.addNewTxPr();
        body.addNewBodyPr();
        body.addNewLstStyle();
        CTTextCharacterProperties properties = body.addNewP().addNewPPr().addNewDefRPr();
        properties.setSz(1000);
        properties.addNewLatin().setTypeface(AnnexWorkbook.FONT);
        properties.addNewCs().setTypeface(AnnexWorkbook.FONT);
        properties.addNewSolidFill().addNewSrgbClr().setVal(new byte[] {0, 0, 0});
        space.addNewRoundedCorners().setVal(false);
        word.getCTChartSpace().getChart().addNewPlotVisOnly().setVal(true);
        // no border around the chart, as the PDF's
        var shape = space.isSetSpPr() ? space.getSpPr() : space.addNewSpPr();
        shape.addNewLn().addNewNoFill();
    }

    private static List<String> categories(List<Briefing.Series> series) {
        Set<String> categories = new LinkedHashSet<>();
        for (Briefing.Series s : series) {
            for (Briefing.Point point : s.points()) {
                if (point != null) {
                    categories.add(text(point.category()));
                }
            }
        }
        return new ArrayList<>(categories);
    }

    private static byte[] rgb(Color colour) {
        return new byte[] {(byte) colour.getRed(), (byte) colour.getGreen(), (byte) colour.getBlue()};
    }
}
