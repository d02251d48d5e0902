"""session epoch: log-out and password changes revoke copied session cookies; user names NFKC

Revision ID: 0005
Revises: 0004s
Create Date: 2026-12-07 06:00:00

"""
import unicodedata

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004s'
branch_labels = None
depends_on = None


def _nfkc_name(name):
    """The same rule as app/usernames.py, frozen here so later changes there do not alter this step."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name.strip()).casefold())


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_epoch', sa.Integer(), server_default='0', nullable=False))

    # Names were stored NFC + casefold; log-in now compares NFKC. Rename the (rare) names NFKC
    # changes, e.g. full-width letters, unless the new spelling is taken: that account keeps its
    # stored name, and an operator has to rename one of the two.
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('username', sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(users.c.id, users.c.username).where(users.c.username.is_not(None))).all()
    taken = {name for _, name in rows}
    for user_id, name in rows:
        new = _nfkc_name(name)[:40]
        if new != name and new not in taken:
            connection.execute(users.update().where(users.c.id == user_id).values(username=new))
            taken.discard(name)
            taken.add(new)


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_epoch')
