package org.rectify.supervision;

import org.rectify.platform.NotFoundException;

public class NoticeNotFound extends NotFoundException {

    public NoticeNotFound(Object id) {
        super("supervision.notice.notFound");
    }
}
