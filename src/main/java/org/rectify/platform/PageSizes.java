package org.rectify.platform;

import org.springframework.stereotype.Component;

import java.util.List;

/** The rows-a-page choices a filtered list offers (the ledger, the matrix); templates read them as {@code @pageSizes}. */
@Component("pageSizes")
public class PageSizes {

    public static final List<Integer> OFFERED = List.of(20, 50, 100, 200);

    public List<Integer> offered() {
        return OFFERED;
    }
}
