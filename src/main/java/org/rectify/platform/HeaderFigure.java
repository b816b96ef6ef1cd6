package org.rectify.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A figure in the header of every page (the unread count, the to-do count), put in a page's model once its handler
 * has chosen the page. Not a {@code @ModelAttribute} of a controller advice: Spring builds those methods' invokers
 * anew for every request of every controller, the JSON API's too, only for them to answer nothing there (8 % of the
 * CPU of a ledger API request, issue 14). Nothing is read for an answer that is not a whole page: JSON, a download, a
 * redirect, an htmx fragment, or a page whose handler put the figure in already.
 */
public abstract class HeaderFigure implements HandlerInterceptor, WebMvcConfigurer {

    private final String name;

    protected HeaderFigure(String name) {
        this.name = name;
    }

    /** The figure for the signed-in account; null when there is none (no header link). */
    protected abstract Integer figure();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav != null && !mav.getModelMap().containsAttribute(name) && isPage(request, mav)) {
            mav.addObject(name, figure());
        }
    }

    private static boolean isPage(HttpServletRequest request, ModelAndView mav) {
        if (request.getHeader("HX-Request") != null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        // a redirect's model becomes its query string
        return mav.getView() instanceof SmartView view ? !view.isRedirectView()
                : mav.getViewName() == null || !mav.getViewName().startsWith("redirect:");
    }
}
