package org.rectify.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * zh-CN by default; {@code ?lang=en} switches to English and a cookie remembers the choice. Every request's
 * parameters and JSON strings are held to {@link InputLimits}. A {@link QueryRecord} is bound by {@link QueryRecordResolver}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("rectify-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** The checks of {@link InputLimits} on every JSON body (Boot adds module beans to its mapper). */
    @Bean
    InputLimitsModule inputLimitsModule() {
        return new InputLimitsModule();
    }

    /**
     * Switches off the filter Boot adds when the webjars locator is on the class path: it passes every link a page
     * writes (a list of 500 tasks: 500 links) through the static-resource handlers of {@code /**}, each a class-path
     * look-up, only to write it unchanged (no versioned resource names here). It was a third of the CPU of a province's
     * pages. {@code /webjars/htmx.org/dist/htmx.min.js} still resolves to its version when requested.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    /**
     * Switches off the filter Boot adds to hold each request's attributes and locale for code run before the
     * dispatcher: the dispatcher sets both holders again for everything it runs (controllers, views, request-scoped
     * beans such as {@code UnitAliases}, {@link PageLinks}, {@link Messages}), error pages included, and nothing before
     * it reads them here (the refusals of the security filters and of the turns resolve the language themselves). Its
     * own work was ~4 % of a count's request thread in session 21's profile (issue 14); a page's language, aliases and
     * links over HTTP: {@code RequestHoldersTests}.
     */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilter() {
        FilterRegistrationBean<RequestContextFilter> off = new FilterRegistrationBean<>(new RequestContextFilter());
        off.setEnabled(false);
        return off;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new InputGuard()); // after the language change: the refusal speaks the chosen one
    }

    /**
     * JSON only (and text, bytes and files): Spring adds a converter for every format whose library is on the class
     * path, here YAML (Jackson 2's) and XML (the JAXB API), both brought by SpringDoc's swagger-core. The API never
     * meant to speak them: a YAML body was read by a mapper without {@link InputLimits} and an answer written as YAML
     * on request, and each API answer asked both whether they could write it (most of the 7 % of a count's request
     * thread spent listing what could write it, issue 14).
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(WebConfiguration::speaksOnlyYamlOrXml);
    }

    private static boolean speaksOnlyYamlOrXml(HttpMessageConverter<?> converter) {
        List<MediaType> types = converter.getSupportedMediaTypes();
        return !types.isEmpty() && types.stream().allMatch(type -> type.getSubtype().equals("yaml")
                || type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml"));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryRecordResolver());
    }
}
