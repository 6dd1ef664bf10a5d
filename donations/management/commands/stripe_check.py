"""Tell staff what the Stripe set-up lacks, without calling Stripe."""

import stripe
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from common.urls import absolute_url


class Command(BaseCommand):
    help = "Check the Stripe settings for online donations and say what is missing."

    def handle(self, *args, **options):
        problems = []
        key = settings.STRIPE_SECRET_KEY
        if not key:
            problems.append(
                "STRIPE_SECRET_KEY is not set: the donate page says online giving is not "
                "configured. Use a secret key (sk_live_… or sk_test_…) or a restricted key (rk_…)."
            )
        elif not key.startswith(("sk_live_", "sk_test_", "rk_live_", "rk_test_")):
            problems.append("STRIPE_SECRET_KEY does not look like a Stripe secret key.")
        if not settings.STRIPE_WEBHOOK_SECRET:
            problems.append(
                "STRIPE_WEBHOOK_SECRET is not set: no donation can be marked paid. Create a "
                f"webhook endpoint at {absolute_url('stripe_webhook')} "
                "and copy its signing secret (whsec_…)."
            )
        if key.startswith(("sk_live_", "rk_live_")) and not settings.SITE_URL.startswith(
            "https://"
        ):
            problems.append("SITE_URL must use https:// with a live key.")
        pinned = settings.STRIPE_API_VERSION
        library = stripe.api_version
        if pinned != library:
            self.stdout.write(
                f"Note: STRIPE_API_VERSION is {pinned}; stripe-python {stripe.VERSION} was "
                f"built for {library}. Set the webhook endpoint to {pinned}."
            )
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"Stripe is not ready: {len(problems)} problem(s).")
        mode = "test" if "_test_" in key else "live"
        self.stdout.write(
            self.style.SUCCESS(
                f"Stripe is configured ({mode} mode, API version {pinned}). "
                f"Webhook events to handle: checkout.session.*, invoice.paid, "
                f"invoice.payment_failed, customer.subscription.deleted, charge.refunded, "
                f"charge.dispute.created."
            )
        )
