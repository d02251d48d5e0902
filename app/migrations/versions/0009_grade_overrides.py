"""grade overrides

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 07:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('grade_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('grade', sa.Float(), nullable=True),
    sa.Column('excused', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.String(length=500), nullable=False),
    sa.Column('set_by', sa.Integer(), nullable=True),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_by'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assignment_id', 'user_id', name='uq_grade_overrides_user')
    )
    with op.batch_alter_table('grade_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grade_overrides_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('grade_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grade_overrides_user_id'))
    op.drop_table('grade_overrides')
