package vn.giaoban.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Who may open what. The office sees every page; a unit its own page and upload only (another unit's page
 * is refused, see {@link ConsoleUser#mayOpenUnit}); leadership the month and the notice. Form sign-in in
 * Vietnamese, CSRF tokens on every form (the default), the session cookie HTTP-only and same-site, the
 * notice's PDF framed by the console's own pages only. Every sign-in, failed one and sign-out is recorded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String SIGN_IN = "/dang-nhap";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ConsoleAudit audit) throws Exception {
        http.authorizeHttpRequests(pages -> pages
                        .requestMatchers(SIGN_IN, "/giaoban.css", "/error").permitAll()
                        .requestMatchers("/ky/*/don-vi/**").hasAnyRole(Role.OFFICE.name(), Role.UNIT.name())
                        .requestMatchers("/ky/**").hasAnyRole(Role.OFFICE.name(), Role.LEADERSHIP.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN)
                        .successHandler(new Audited(audit))
                        .failureHandler(new Refused(audit))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/dang-xuat")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.signOut(authentication.getName(), request.getRemoteAddr());
                            }
                        })
                        .logoutSuccessUrl(SIGN_IN + "?da-dang-xuat"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Records the sign-in, then goes where the person was going (or the start page). */
    private static final class Audited extends SavedRequestAwareAuthenticationSuccessHandler {

        private final ConsoleAudit audit;

        Audited(ConsoleAudit audit) {
            this.audit = audit;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws ServletException, IOException {
            audit.signIn(authentication.getName(), request.getRemoteAddr());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Records the failed attempt under the name typed, then back to the form with its message. */
    private static final class Refused extends SimpleUrlAuthenticationFailureHandler {

        private final ConsoleAudit audit;

        Refused(ConsoleAudit audit) {
            super(SIGN_IN + "?loi");
            this.audit = audit;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException, ServletException {
            String username = request.getParameter("username");
            audit.signInFailed(username == null ? "" : username, request.getRemoteAddr(), exception.getClass().getSimpleName());
            super.onAuthenticationFailure(request, response, exception);
        }
    }
}
