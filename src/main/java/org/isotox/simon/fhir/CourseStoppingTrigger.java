package org.isotox.simon.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.isotox.dose.fhir.DeliveredCourses;
import org.isotox.fhir.KeptWork;
import org.springframework.stereotype.Component;

/**
 * A course summary that changes what the stopping rule reads (its status, a break, the end of a course
 * that is over, what it is based on) re-applies the rule to the patient's studies once the write has committed: a stop naming
 * esophagitis can make a grading severe, a course's end can make subjects evaluable. The work is kept with the write
 * ({@link KeptWork}): a failure or a crash after the commit delays it, never loses it.
 */
@Component
@Interceptor
class CourseStoppingTrigger {

    private final KeptWork keptWork;
    private final StoppingRuleReapplied reapplied;

    CourseStoppingTrigger(KeptWork keptWork, StoppingRuleReapplied reapplied) {
        this.keptWork = keptWork;
        this.reapplied = reapplied;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    void created(IBaseResource resource) {
        if (resource instanceof Procedure course && DeliveredCourses.isCourseSummary(course)) {
            reapply(course);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current) {
        if (current instanceof Procedure course && DeliveredCourses.isCourseSummary(course)
                && !sameForTheRule((Procedure) previous, course)) {
            reapply(course);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    void deleted(IBaseResource resource) {
        created(resource);
    }

    private void reapply(Procedure course) {
        String patient = course.getSubject().getReference();
        if (patient != null) {
            keptWork.keepUntilDone(reapplied, () -> patient);
        }
    }

    private static boolean sameForTheRule(Procedure before, Procedure after) {
        boolean over = after.getStatus() == Procedure.ProcedureStatus.COMPLETED || after.getStatus() == Procedure.ProcedureStatus.STOPPED;
        return before.getStatus() == after.getStatus()
                && before.getStatusReason().equalsDeep(after.getStatusReason())
                && Base.compareDeep(before.getBasedOn(), after.getBasedOn(), true)
                && (!over || before.getPerformedPeriod().getEndElement().equalsDeep(after.getPerformedPeriod().getEndElement()))
                && sameBreaks(before, after);
    }

    private static boolean sameBreaks(Procedure before, Procedure after) {
        var earlier = before.getExtensionsByUrl(DeliveredCourses.INTERRUPTION);
        var later = after.getExtensionsByUrl(DeliveredCourses.INTERRUPTION);
        if (earlier.size() != later.size()) {
            return false;
        }
        for (int i = 0; i < earlier.size(); i++) {
            if (!((Extension) earlier.get(i)).equalsDeep(later.get(i))) {
                return false;
            }
        }
        return true;
    }
}
