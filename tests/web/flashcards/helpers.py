"""The small course the flashcard tests study, and helpers that read what was recorded."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from app.models import CardReview, CardState

LESSON_ONE = """---
id: one
title: 첫 레슨
order: 1
summary: 테스트용 레슨입니다.
---

# 첫 레슨

```flashcard
id: fc-a
front: "**이미지**란?"
back: "실행할 수 있는 `템플릿`입니다."
tags: [이미지]
```

```flashcard
id: fc-b
front: 컨테이너란?
back: 이미지로 실행한 인스턴스입니다.
```

```flashcard
id: fc-c
front: "`docker ps`는?"
back: 실행 중인 컨테이너 목록입니다.
```
"""

LESSON_TWO = """---
id: two
title: 둘째 레슨
order: 2
summary: 두 번째 테스트 레슨입니다.
---

# 둘째 레슨

```flashcard
id: fc-d
front: 볼륨이란?
back: 컨테이너 밖에 남는 데이터 저장소입니다.
```

```flashcard
id: fc-e
front: "`-p 8080:80`의 앞 숫자는?"
back: 호스트 포트입니다.
```
"""

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 10:00 in Seoul


def state_of(dbs, user_id: int, card_id: str) -> CardState | None:
    with dbs() as s:
        row = s.scalar(select(CardState).where(CardState.user_id == user_id, CardState.card_id == card_id))
        if row is not None:
            s.expunge(row)
        return row


def review_count(dbs, user_id: int | None = None) -> int:
    with dbs() as s:
        query = select(func.count()).select_from(CardReview)
        if user_id is not None:
            query = query.where(CardReview.user_id == user_id)
        return s.scalar(query)
