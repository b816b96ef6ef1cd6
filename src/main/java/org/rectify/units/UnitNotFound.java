package org.rectify.units;

import org.rectify.platform.NotFoundException;

public class UnitNotFound extends NotFoundException {

    public UnitNotFound(Object id) {
        super("unit.notFound", id);
    }
}
