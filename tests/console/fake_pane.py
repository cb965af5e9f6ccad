"""A minimal pane for shell tests: loads a customer count through the task runner."""
from sqlalchemy import func, select

from engine.store.models.people import Customer
from widgets.pane import Pane


def count_customers(workspace, *, state):
    with workspace.session() as s:
        return s.scalar(select(func.count()).select_from(Customer))


class FakePane(Pane):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.count = None
        self.shut = False

    def refresh(self):
        self.context.tasks.submit(count_customers, self.context.workspace, title="count",
                                  owner=self, on_done=lambda n: setattr(self, "count", n))

    def shutdown(self):
        self.shut = True
