package org.isotox.study.fhir;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

/**
 * Serialises the writes that change who is on a study, across threads and server instances: the
 * study's row is locked ({@code SELECT ... FOR UPDATE}) until the current transaction ends, so a
 * second enrolment or stop decision for the same study waits, then sees the first one committed.
 */
@Component
public class StudyLock {

    @PersistenceContext
    private EntityManager entityManager;

    /** Locks the study with this logical id; must run inside the write's transaction. */
    public void lock(String studyId) {
        entityManager
                .createNativeQuery("SELECT RES_ID FROM HFJ_RESOURCE WHERE RES_TYPE = 'ResearchStudy' AND FHIR_ID = :id FOR UPDATE")
                .setParameter("id", studyId)
                .getResultList();
    }
}
