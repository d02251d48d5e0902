"""flashcards: FSRS card state and review log per learner

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:40:20.480726

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('card_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.String(length=120), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('state_before', sa.String(length=20), nullable=False),
    sa.Column('due_after', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('card_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_card_reviews_user_reviewed', ['user_id', 'reviewed_at'], unique=False)

    op.create_table('card_states',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.String(length=120), nullable=False),
    sa.Column('fsrs', sa.Text(), nullable=False),
    sa.Column('due', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'card_id', name='uq_card_states_user_card')
    )
    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.create_index('ix_card_states_user_due', ['user_id', 'due'], unique=False)


def downgrade():
    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.drop_index('ix_card_states_user_due')

    op.drop_table('card_states')
    with op.batch_alter_table('card_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_card_reviews_user_reviewed')

    op.drop_table('card_reviews')
