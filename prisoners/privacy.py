"""What we hold about someone who reported an inaccuracy (see common.privacy)."""

from prisoners.models import CorrectionRequest


def _reports(email):
    return CorrectionRequest.objects.filter(email__iexact=email.strip())


def export(email):
    return [
        {
            "kind": "correction_request",
            "id": r.pk,
            "detainee": str(r.detainee),
            "what_is_wrong": r.what_is_wrong,
            "evidence": r.evidence,
            "name": r.name,
            "email": r.email,
            "created_at": r.created_at,
        }
        for r in _reports(email).select_related("detainee").order_by("pk")
    ]


def erase(email):
    """The report stays for the record of the profile; who sent it goes."""
    return _reports(email).update(name="", email="")
