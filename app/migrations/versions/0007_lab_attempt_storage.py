"""lab attempts stored compact: compressed host and terminals, undo counted on the row

Revision ID: 0007
Revises: 0004s
Create Date: 2026-12-07 06:10:00

Existing attempts keep their JSON text (format 1) and are rewritten as format 2 the next time
they are saved (services/lab_format.py); here only the undo counters are filled in.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004s"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("lab_attempts") as batch_op:
        batch_op.add_column(sa.Column("storage_format", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("host_data", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("term_data", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("undo_count", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("undo_bytes", sa.Integer(), server_default="0", nullable=False))
        for column in ("snapshot", "terminals", "history", "recent_commands"):
            batch_op.alter_column(column, existing_type=sa.Text(), nullable=True)
    with op.batch_alter_table("lab_undo_steps") as batch_op:
        batch_op.add_column(sa.Column("data", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("size", sa.Integer(), server_default="0", nullable=False))
        batch_op.alter_column("snapshot", existing_type=sa.Text(), nullable=True)
    op.execute("UPDATE lab_undo_steps SET size = length(snapshot) WHERE snapshot IS NOT NULL")
    op.execute(
        "UPDATE lab_attempts SET"
        " undo_count = (SELECT count(*) FROM lab_undo_steps s WHERE s.attempt_id = lab_attempts.id),"
        " undo_bytes = (SELECT coalesce(sum(s.size), 0) FROM lab_undo_steps s WHERE s.attempt_id = lab_attempts.id)"
    )


def downgrade():
    # Format 2 rows cannot be read by the older code: they lose their host (it starts afresh).
    op.execute("DELETE FROM lab_undo_steps WHERE snapshot IS NULL")
    op.execute("UPDATE lab_attempts SET snapshot = '{}' WHERE snapshot IS NULL")
    op.execute('UPDATE lab_attempts SET terminals = \'{"epoch":0,"terms":{}}\' WHERE terminals IS NULL')
    op.execute("UPDATE lab_attempts SET history = '[]' WHERE history IS NULL")
    op.execute("UPDATE lab_attempts SET recent_commands = '[]' WHERE recent_commands IS NULL")
    with op.batch_alter_table("lab_undo_steps") as batch_op:
        batch_op.alter_column("snapshot", existing_type=sa.Text(), nullable=False)
        batch_op.drop_column("size")
        batch_op.drop_column("data")
    with op.batch_alter_table("lab_attempts") as batch_op:
        for column in ("snapshot", "terminals", "history", "recent_commands"):
            batch_op.alter_column(column, existing_type=sa.Text(), nullable=False)
        batch_op.drop_column("undo_bytes")
        batch_op.drop_column("undo_count")
        batch_op.drop_column("term_data")
        batch_op.drop_column("host_data")
        batch_op.drop_column("storage_format")
