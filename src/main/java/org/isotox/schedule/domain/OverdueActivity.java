package org.isotox.schedule.domain;

import java.time.LocalDate;

/** An open activity whose window closed: {@code due} is the window's last day, {@code daysOverdue} counts from it. */
public record OverdueActivity(String task, String code, String description, LocalDate scheduled, LocalDate due, long daysOverdue) {}
