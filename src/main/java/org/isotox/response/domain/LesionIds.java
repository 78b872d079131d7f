package org.isotox.response.domain;

final class LesionIds {

    private LesionIds() {
    }

    static String require(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("lesion id must not be blank: '" + id + "'");
        }
        return id;
    }
}
