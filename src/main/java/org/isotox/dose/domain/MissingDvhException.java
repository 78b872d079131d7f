package org.isotox.dose.domain;

import java.util.List;

/** A rule needs the DVH of structures that the plan does not have; names all of them. */
public final class MissingDvhException extends IllegalArgumentException {

    private final transient List<String> structures;

    MissingDvhException(List<String> structures) {
        super("no DVH is given for the structure(s) " + String.join(", ", structures)
                + " that the dose constraints need");
        this.structures = List.copyOf(structures);
    }

    /** The structure codes without a DVH. */
    public List<String> structures() {
        return structures;
    }
}
