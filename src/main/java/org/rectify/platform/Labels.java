package org.rectify.platform;

import java.util.List;

/** A message argument that is a list of bundle keys, shown localized and joined with 、. */
public record Labels(List<String> keys) {
}
