package org.isotox.dose.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The fraction days a course summary updated in place reveals, as CodeX Radiation Therapy writes it: each
 * version counts the sessions delivered so far and ends its period on the latest one, so a version whose
 * count rose dates the new sessions on its period's end. Versions that did not raise the count add nothing.
 */
public final class SessionCountUpdates {

    /** One version of the summary: the sessions delivered by then and the day of the latest. */
    public record Update(int sessions, LocalDate lastSession) {
        public Update {
            Objects.requireNonNull(lastSession, "lastSession");
            if (sessions < 0) {
                throw new IllegalArgumentException("sessions must not be negative, was " + sessions);
            }
        }
    }

    private SessionCountUpdates() {}

    /** The session days, in date order, of the versions given in the order they were written. */
    public static List<LocalDate> sessionDays(List<Update> versionsInOrder) {
        List<LocalDate> days = new ArrayList<>();
        int counted = 0;
        for (Update update : versionsInOrder) {
            for (int session = counted; session < update.sessions(); session++) {
                days.add(update.lastSession());
            }
            counted = Math.max(counted, update.sessions());
        }
        days.sort(Comparator.naturalOrder());
        return days;
    }
}
