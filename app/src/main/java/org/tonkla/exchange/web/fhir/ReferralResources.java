package org.tonkla.exchange.web.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.tonkla.referral.Referral;

/**
 * A referral as a FHIR ServiceRequest: the child as subject, the referring unit as requester, the receiving unit
 * as performer, the need as code ({@link FhirSystems#REFERRAL_NEED}), the reason as reasonCode text, the due date
 * as the occurrence period's end. Id: the referral's id.
 */
final class ReferralResources {

    private ReferralResources() {}

    static ServiceRequest serviceRequest(Referral r) {
        ServiceRequest s = new ServiceRequest();
        s.setId(r.id().toString());
        s.getMeta().setLastUpdated(Date.from(r.updatedAt()));
        s.setStatus(status(r));
        s.setIntent(ServiceRequestIntent.ORDER);
        s.getCode().addCoding().setSystem(FhirSystems.REFERRAL_NEED)
                .setCode(r.needKey() == null || r.needKey().isBlank() ? r.needType() : r.needKey());
        s.getCode().setText(r.needType());
        s.setSubject(new Reference("Patient/" + r.childId()));
        s.setRequester(new Reference("Organization/" + r.fromUnit()));
        s.addPerformer(new Reference("Organization/" + r.toUnit()));
        s.setAuthoredOn(Date.from(r.createdAt()));
        if (r.dueOn() != null) {
            s.getOccurrencePeriod().setEnd(Date.from(r.dueOn().atStartOfDay(org.tonkla.platform.ThaiDates.BANGKOK).toInstant()));
        }
        if (r.reason() != null && !r.reason().isBlank()) s.addReasonCode().setText(r.reason());
        if (r.needDetail() != null && !r.needDetail().isBlank()) s.addNote().setText(r.needDetail());
        return s;
    }

    /** CREATED to IN_SERVICE: active; COMPLETED and CLOSED: completed; DECLINED: revoked; REDIRECTED: ended, passed on. */
    static ServiceRequestStatus status(Referral r) {
        return switch (r.status()) {
            case CREATED, RECEIVED, ACCEPTED, IN_SERVICE -> ServiceRequestStatus.ACTIVE;
            case COMPLETED, CLOSED -> ServiceRequestStatus.COMPLETED;
            case DECLINED, REDIRECTED -> ServiceRequestStatus.REVOKED;
        };
    }
}
