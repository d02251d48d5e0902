"""lab attempts stored compact: compressed host and terminals, undo counted on the row

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 06:10:00

Existing attempts keep their JSON text (format 1) and are rewritten as format 2 the next time
they are saved (services/lab_format.py); here only the undo counters are filled in.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMNs, no batch: no table is recreated, so nothing can touch the undo steps (a
    # batch version of this migration lost them on SQLite; test_lab_storage.py checks the counts).
    op.add_column("lab_attempts", sa.Column("storage_format", sa.Integer(), server_default="1", nullable=False))
    op.add_column("lab_attempts", sa.Column("host_data", sa.LargeBinary(), nullable=True))
    op.add_column("lab_attempts", sa.Column("term_data", sa.LargeBinary(), nullable=True))
    op.add_column("lab_attempts", sa.Column("undo_count", sa.Integer(), server_default="0", nullable=False))
    op.add_column("lab_attempts", sa.Column("undo_bytes", sa.Integer(), server_default="0", nullable=False))
    op.add_column("lab_undo_steps", sa.Column("data", sa.LargeBinary(), nullable=True))
    op.add_column("lab_undo_steps", sa.Column("size", sa.Integer(), server_default="0", nullable=False))
    op.execute("UPDATE lab_undo_steps SET size = length(snapshot)")
    op.execute(
        "UPDATE lab_attempts SET"
        " undo_count = (SELECT count(*) FROM lab_undo_steps s WHERE s.attempt_id = lab_attempts.id),"
        " undo_bytes = (SELECT coalesce(sum(s.size), 0) FROM lab_undo_steps s WHERE s.attempt_id = lab_attempts.id)"
    )


def downgrade():
    # Format 2 rows cannot be read by the older code: their hosts start afresh, their steps go.
    op.execute("DELETE FROM lab_undo_steps WHERE data IS NOT NULL")
    with op.batch_alter_table("lab_undo_steps") as batch_op:
        batch_op.drop_column("size")
        batch_op.drop_column("data")
    with op.batch_alter_table("lab_attempts") as batch_op:
        batch_op.drop_column("undo_bytes")
        batch_op.drop_column("undo_count")
        batch_op.drop_column("term_data")
        batch_op.drop_column("host_data")
        batch_op.drop_column("storage_format")
