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
 * A file over {@code giaoban.web.max-upload}: the servlet container stops reading the request (before any page,
 * in the security filters' first read of the form) and answers 413, which the console's error page says in the
 * unit's words, with the limit.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadTooLarge implements ErrorViewResolver, Ordered {

    private final WebProperties settings;

    UploadTooLarge(WebProperties settings) {
        this.settings = settings;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
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
