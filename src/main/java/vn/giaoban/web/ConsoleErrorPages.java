package vn.giaoban.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's own error pages, in Vietnamese: {@code error/403} (another unit's page), {@code error/404}, and for
 * 413 the upload limit in the unit's words (a file over {@code giaoban.web.max-upload}: the servlet container stops
 * reading the request before any page, in the security filters' first read of the form). Being an
 * {@link ErrorViewResolver}, it replaces Boot's default one, so it names the status pages itself; any other
 * status gets {@code error}.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleErrorPages implements ErrorViewResolver, Ordered {

    private final WebProperties settings;

    ConsoleErrorPages(WebProperties settings) {
        this.settings = settings;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status.value() == 403 || status.value() == 404) {
            return new ModelAndView("error/" + status.value(), model, status);
        }
        if (status.value() != 413) {
            return null;
        }
        Map<String, Object> said = new LinkedHashMap<>(model);
        said.put("message", "Tệp lớn hơn giới hạn " + ConsoleController.megabytes(settings)
                + " được gửi qua trang. Tệp báo cáo tháng thường nhỏ hơn nhiều: kiểm tra đã chọn đúng tệp chưa, "
                + "hoặc chép tệp vào thư mục nhận của đơn vị.");
        return new ModelAndView("error", said, status);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
