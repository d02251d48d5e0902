"""JSON columns: question answers and verdicts, FSRS card states (were JSON text in TEXT columns)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 06:00:00

The stored text is already JSON (it was written with json.dumps), so the values are kept as
they are: PostgreSQL casts each value to `json` (a malformed one would stop the upgrade rather
than be lost); SQLite copies the table with the column declared JSON, and SQLAlchemy's JSON
type reads the same text. Card states and activity kinds became Python enums stored by name in
the same VARCHAR columns, whose values are those names already: nothing to convert there.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

COLUMNS = (
    ('question_answers', 'answer_json'),
    ('question_answers', 'verdict_json'),
    ('card_states', 'fsrs'),
)


def _retype(old: sa.types.TypeEngine, new: sa.types.TypeEngine, cast: str) -> None:
    postgres = op.get_bind().dialect.name == 'postgresql'
    for table, column in COLUMNS:
        extra = {'postgresql_using': f'{column}::{cast}'} if postgres else {}
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=old, type_=new, existing_nullable=False, **extra)


def upgrade():
    _retype(sa.Text(), sa.JSON(), 'json')


def downgrade():
    _retype(sa.JSON(), sa.Text(), 'text')
