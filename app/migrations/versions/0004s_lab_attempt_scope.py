"""lab attempts get a scope: practice, or one assigned-quiz attempt

Revision ID: 0004s
Revises: 0004
Create Date: 2026-12-07 05:55:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0004s"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("lab_attempts") as batch_op:
        batch_op.add_column(sa.Column("scope", sa.String(length=80), server_default="practice", nullable=False))
        batch_op.drop_index("ix_lab_attempts_user_lab")
        batch_op.create_index("ix_lab_attempts_user_lab_scope", ["user_id", "lab_id", "scope"], unique=False)


def downgrade():
    with op.batch_alter_table("lab_attempts") as batch_op:
        batch_op.drop_index("ix_lab_attempts_user_lab_scope")
        batch_op.create_index("ix_lab_attempts_user_lab", ["user_id", "lab_id"], unique=False)
        batch_op.drop_column("scope")
