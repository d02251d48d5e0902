"""labs: attempts (snapshot, terminals, history, progress) and their undo steps

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 09:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('lab_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('lab_id', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.Column('terminals', sa.Text(), nullable=False),
    sa.Column('history', sa.Text(), nullable=False),
    sa.Column('recent_commands', sa.Text(), nullable=False),
    sa.Column('best_score', sa.Float(), nullable=False),
    sa.Column('hints_used', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('lab_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_lab_attempts_user_lab', ['user_id', 'lab_id'], unique=False)

    op.create_table('lab_undo_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('command', sa.Text(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['lab_attempts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('lab_undo_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lab_undo_steps_attempt_id'), ['attempt_id'], unique=False)


def downgrade():
    with op.batch_alter_table('lab_undo_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lab_undo_steps_attempt_id'))
    op.drop_table('lab_undo_steps')
    with op.batch_alter_table('lab_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_lab_attempts_user_lab')
    op.drop_table('lab_attempts')
