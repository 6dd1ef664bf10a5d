from django.core.management.base import BaseCommand

from campaign import services


class Command(BaseCommand):
    help = (
        "Queue the news items marked for subscribers once they are published (run it every few "
        "minutes, beside the mail queue's sender: an item published at a later time goes out "
        "then)."
    )

    def handle(self, *args, **options):
        for item, count in services.email_news():
            self.stdout.write(f"{item.slug}: queued for {count} subscriber(s)")
