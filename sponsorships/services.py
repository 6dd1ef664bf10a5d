"""The sponsorship workflow: it spans sponsors, sponsorships, user accounts and e-mail."""

from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from common import mail
from common.forms import mail_name
from common.links import InvalidLink, make_token, read_token
from common.mail import claim_confirmation_mail
from common.timezones import city_name
from common.urls import absolute_url
from prisoners.panels import CardMark
from sponsorships.models import Sponsor, Sponsorship

CONFIRM_SALT = "sponsorships.confirm-email"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60


def send(template, to, language, context, reply_to=None):
    """E-mail sponsorships/email/<template>_subject.txt and _body.txt in one language."""
    mail.send(to, f"sponsorships/email/{template}", context, language=language, reply_to=reply_to)


def notify_sponsor(sponsorship, template, **extra):
    """E-mail the sponsor about their sponsorship, naming the detainee as the public may see
    them (initials for a LIMITED record). A reply reaches the campaign team, not no-reply@."""
    sponsor = sponsorship.sponsor
    detainee = sponsorship.detainee
    context = {
        "sponsor": sponsor,
        "sponsorship": sponsorship,
        # Evaluated as the e-mail renders, so in the sponsor's language (hy names are Armenian).
        "detainee_name": lazy(lambda: detainee.public_name, str)() if detainee else "",
        "reply_to": settings.CONTACT_EMAIL,
        **extra,
    }
    with translation.override(sponsor.language):
        context.setdefault("portal_url", absolute_url("sponsorships:portal"))
    send(template, [sponsor.email], sponsor.language, context, reply_to=[settings.CONTACT_EMAIL])


# Sign-up and confirmation


def confirmation_token(sponsor):
    return make_token(CONFIRM_SALT, {"sponsor": sponsor.pk, "email": sponsor.email})


def send_confirmation(sponsorship):
    """E-mail the confirmation link, unless this address had one in the period.

    Each sign-up is a new sponsor row, so the period counts per address, not per row. The
    e-mail repeats nothing the visitor typed but the contact's own name.
    """
    sponsor = sponsorship.sponsor
    same_address = Sponsor.objects.filter(email__iexact=sponsor.email)
    if not claim_confirmation_mail(sponsor, same_address):
        return
    with translation.override(sponsor.language):
        url = absolute_url("sponsorships:confirm", confirmation_token(sponsor))
    send(
        "confirm",
        [sponsor.email],
        sponsor.language,
        {"name": mail_name(sponsor.contact_name), "confirm_url": url},
    )


def sponsor_for_token(token):
    """The sponsor a confirmation link names, or InvalidLink saying why it is refused."""
    data = read_token(CONFIRM_SALT, token, max_age=CONFIRM_MAX_AGE)
    sponsor = Sponsor.objects.filter(pk=data.get("sponsor"), email=data.get("email")).first()
    if sponsor is None:
        raise InvalidLink("invalid")
    if sponsor.email_confirmed_at is not None:
        raise InvalidLink("used")
    return sponsor


@transaction.atomic
def confirm_email(token):
    """Mark the sponsor's address confirmed, then pass their requests on to staff."""
    sponsor = sponsor_for_token(token)
    # Lock the row so two clicks at once cannot both pass.
    sponsor = Sponsor.objects.select_for_update().get(pk=sponsor.pk)
    if sponsor.email_confirmed_at is not None:
        raise InvalidLink("used")
    sponsor.email_confirmed_at = timezone.now()
    sponsor.save(update_fields=["email_confirmed_at"])
    sponsorships = list(
        sponsor.sponsorships.filter(status=Sponsorship.Status.PENDING).select_related("detainee")
    )
    # Each staff member reads it in their own language, with the admin's addresses in it too.
    for language, addresses in mail.by_language(settings.STAFF_EMAILS):
        with translation.override(language):
            admin_urls = [
                absolute_url("admin:sponsorships_sponsorship_change", s.pk) for s in sponsorships
            ]
        items = list(zip(sponsorships, admin_urls, strict=True))
        send("staff_new_request", addresses, language, {"sponsor": sponsor, "items": items})
    return sponsor


# Staff decisions


def account_for(sponsor):
    """The account through which the sponsor reaches the portal. Returns (user, created).

    Only an account that verified the sponsor's address itself is linked. Any other that
    claims the address has proved nothing: anyone may sign up first with a city's address
    and wait for the approval. It loses the claim, and a new account is made, with no
    usable password: the approval e-mail carries the link to choose one.
    """
    if sponsor.email_confirmed_at is None:
        raise ValueError("A sponsor gets an account only once their address is confirmed.")
    if sponsor.user_id:
        return sponsor.user, False
    verified = EmailAddress.objects.filter(email__iexact=sponsor.email, verified=True).first()
    if verified:
        user, created = verified.user, False
    else:
        release_address(sponsor.email)
        user, created = new_account(sponsor.email), True
    sponsor.user = user
    sponsor.save(update_fields=["user"])
    return user, created


def release_address(email):
    """Take `email` from every account that claims it without having verified it.

    Their password was chosen by whoever typed the address first: it becomes unusable,
    which also ends their sessions (each session is bound to the password's hash).
    """
    claims = EmailAddress.objects.filter(email__iexact=email, verified=False)
    squatters = get_user_model().objects.filter(
        Q(email__iexact=email) | Q(pk__in=claims.values("user"))
    )
    for user in squatters:
        if user.email.lower() == email.lower():
            user.email = ""
        user.set_unusable_password()
        user.save(update_fields=["email", "password"])
    claims.delete()


def new_account(email):
    User = get_user_model()
    base = email.split("@")[0][:100] or "sponsor"
    username, n = base, 1
    while User.objects.filter(username=username).exists():
        n += 1
        username = f"{base}{n}"
    user = User.objects.create_user(username=username, email=email)  # no usable password
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def set_password_url(user, language):
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    return absolute_url(path)


# The workflow staff drive from the admin: the steps each status may take. The admin offers
# the steps `possible_steps()` lists, asks `refusal()` before one, and calls the step below.
STEPS_FROM = {
    "approve": [Sponsorship.Status.PENDING, Sponsorship.Status.DECLINED],
    "decline": [Sponsorship.Status.PENDING],
    "sign": [Sponsorship.Status.ACTIVE],
    "end": [Sponsorship.Status.ACTIVE],
}


def possible_steps(sponsorship):
    return [step for step, statuses in STEPS_FROM.items() if sponsorship.status in statuses]


def refusal(sponsorship, step):
    """Why `step` cannot be taken now, or "" if it can."""
    if step not in possible_steps(sponsorship):
        return _("This step is not possible in the current status.")
    if step == "approve" and sponsorship.sponsor.email_confirmed_at is None:
        return _("The sponsor has not confirmed their e-mail address yet.")
    return ""


@transaction.atomic
def approve(sponsorship, message=""):
    # Decide on the sponsor's row as it is now, locked, so two approvals make one account.
    sponsor = Sponsor.objects.select_for_update().get(pk=sponsorship.sponsor_id)
    sponsorship.sponsor = sponsor
    user, created = account_for(sponsor)
    sponsorship.status = Sponsorship.Status.ACTIVE
    sponsorship.decision_message = message
    sponsorship.save(update_fields=["status", "decision_message", "updated_at"])
    password_url = set_password_url(user, sponsor.language) if created else ""
    with translation.override(sponsor.language):
        login_url = absolute_url("account_login")
    notify_sponsor(
        sponsorship,
        "approved",
        password_url=password_url,
        # The token generator refuses a link older than PASSWORD_RESET_TIMEOUT seconds.
        password_url_expires=timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
        time_zone_city=lazy(city_name, str)(timezone.get_current_timezone_name()),
        login_url=login_url,
        message=message,
    )


def decline(sponsorship, message=""):
    sponsorship.status = Sponsorship.Status.DECLINED
    sponsorship.decision_message = message
    sponsorship.save(update_fields=["status", "decision_message", "updated_at"])
    notify_sponsor(sponsorship, "declined", message=message)


def record_signing(sponsorship, signed_on, place, agreement=None):
    sponsorship.signed_on = signed_on
    sponsorship.signing_place = place
    fields = ["signed_on", "signing_place", "updated_at"]
    if agreement:
        sponsorship.agreement = agreement
        fields.append("agreement")
    sponsorship.save(update_fields=fields)
    notify_sponsor(sponsorship, "signed")


def end(sponsorship, ended_on, reason):
    sponsorship.status = Sponsorship.Status.ENDED
    sponsorship.ended_on = ended_on
    sponsorship.end_reason = reason
    sponsorship.save(update_fields=["status", "ended_on", "end_reason", "updated_at"])
    notify_sponsor(sponsorship, "ended")


def needs_sponsor_marks(records):
    """The "needs a sponsor" mark on the cards of people still held whom no active
    sponsorship names, linking to the sign-up form with them chosen (prisoners.panels)."""
    candidates = [r for r in records if r.is_still_held]
    sponsored = Sponsorship.objects.sponsored_among(candidates)
    signup = reverse("sponsorships:signup")
    return {
        r.pk: CardMark(_("Needs a sponsor"), f"{signup}?target={r.pk}")
        for r in candidates
        if r.pk not in sponsored
    }
