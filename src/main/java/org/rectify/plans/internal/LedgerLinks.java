package org.rectify.plans.internal;

import org.rectify.plans.LedgerFilter;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to other pages of the same ledger query, carrying only the filters that are set. */
record LedgerLinks(LedgerFilter filter) {

    public String page(int page) {
        return filtered("/tasks").queryParam("page", page).encode().build().toUriString();
    }

    /** The same tasks as an .xlsx workbook (insight's export), every page. */
    public String export() {
        return filtered("/insight/ledger.xlsx").encode().build().toUriString();
    }

    private UriComponentsBuilder filtered(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        param(uri, "planId", filter.planId());
        param(uri, "section", filter.section());
        param(uri, "leadUnitId", filter.leadUnitId());
        filter.statuses().stream().sorted().forEach(s -> uri.queryParam("status", s));
        param(uri, "deadlineFrom", filter.deadlineFrom());
        param(uri, "deadlineTo", filter.deadlineTo());
        param(uri, "responsible", filter.responsible());
        param(uri, "q", filter.text());
        param(uri, "figure", filter.figure());
        if (filter.sort() != LedgerFilter.Sort.REF || filter.descending()) {
            uri.queryParam("sort", filter.sort()).queryParam("desc", filter.descending());
        }
        if (filter.size() != LedgerFilter.DEFAULT_PAGE_SIZE) {
            uri.queryParam("size", filter.size());
        }
        return uri;
    }

    private static void param(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }
}
