package org.rectify.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links to another page of the list being shown, for templates ({@code @pageLinks}): the address as requested with its
 * filters, only the page changed; and the filters alone, for the page-size form ({@code fragments/forms :: listPager}).
 */
@Component("pageLinks")
public class PageLinks {

    /** What a page-size form sets itself, or what is no filter (an export's format). */
    private static final Set<String> NOT_FILTERS = Set.of("page", "size", "format");

    /** A request parameter the page-size form carries along. */
    public record Param(String name, String value) {
    }

    /** This list's address with {@code page} (0 first) instead of the current one; the size and filters kept. */
    public String page(int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path());
        request().getParameterMap().forEach((name, values) -> {
            if (!"page".equals(name) && !"format".equals(name)) {
                uri.queryParam(name, (Object[]) values);
            }
        });
        return uri.queryParam("page", page).encode().build().toUriString();
    }

    /** The filters of the current address, the page and its size aside. */
    public List<Param> filters() {
        List<Param> kept = new ArrayList<>();
        for (Map.Entry<String, String[]> p : request().getParameterMap().entrySet()) {
            if (!NOT_FILTERS.contains(p.getKey())) {
                for (String value : p.getValue()) {
                    kept.add(new Param(p.getKey(), value));
                }
            }
        }
        return kept;
    }

    /** The current address's path. */
    public String path() {
        HttpServletRequest request = request();
        return request.getRequestURI();
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
