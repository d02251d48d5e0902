"""Korean particles after a message parameter (`app.services.particles`): chosen by how the translated value ends."""

from __future__ import annotations

import pytest

from app.services.particles import attach_particles, ending, particle


@pytest.mark.parametrize(
    "word,subject,object_,topic,with_,towards",
    [
        ("도커", "가", "를", "는", "와", "로"),  # a vowel
        ("web 컨테이너", "가", "를", "는", "와", "로"),
        ("data 볼륨", "이", "을", "은", "과", "으로"),  # a final consonant
        ("이미지 태그", "가", "를", "는", "와", "로"),
        ("실행 중(Up)", "이", "을", "은", "과", "으로"),  # the word before the parenthesis counts
        ("종료(Exited (0))", "가", "를", "는", "와", "로"),
        ("‘참’", "이", "을", "은", "과", "으로"),  # a closing quote is skipped
        ("파일", "이", "을", "은", "과", "로"),  # ㄹ: 파일로, not 파일으로
        ("~/site 폴더", "가", "를", "는", "와", "로"),
        ("web", "이", "을", "은", "과", "으로"),  # Latin letters, read as Korean speakers read them: 웹
        ("app", "이", "을", "은", "과", "으로"),  # 앱
        ("feedback", "이", "을", "은", "과", "으로"),  # 피드백
        ("main", "이", "을", "은", "과", "으로"),  # 메인
        ("nginx", "가", "를", "는", "와", "로"),  # 엔진엑스
        ("redis", "가", "를", "는", "와", "로"),
        ("db", "가", "를", "는", "와", "로"),  # 디비
        ("node", "가", "를", "는", "와", "로"),  # 노드
        ("root", "가", "를", "는", "와", "로"),  # 루트
        ("mysql", "이", "을", "은", "과", "로"),  # 마이에스큐엘: ㄹ
        ("html", "이", "을", "은", "과", "로"),
        ("file", "이", "을", "은", "과", "로"),  # 파일
        ("/app/data.yml", "이", "을", "은", "과", "로"),  # 와이엠엘: ㄹ
        ("R", "이", "을", "은", "과", "로"),  # 알
        ("M", "이", "을", "은", "과", "으로"),  # 엠
        ("X", "가", "를", "는", "와", "로"),  # 엑스
        ("1", "이", "을", "은", "과", "로"),  # 일
        ("2", "가", "를", "는", "와", "로"),  # 이
        ("3", "이", "을", "은", "과", "으로"),  # 삼
        ("8000", "이", "을", "은", "과", "으로"),  # 팔천
        ("80", "이", "을", "은", "과", "으로"),  # 팔십
        ("0", "이", "을", "은", "과", "으로"),  # 영
    ],
)
def test_each_particle_reads_right_after_the_word(word, subject, object_, topic, with_, towards):
    picked = [particle(form, word) for form in ("이(가)", "을(를)", "은(는)", "과(와)", "(으)로")]
    assert picked == [subject, object_, topic, with_, towards], (word, ending(word))


def test_only_particles_right_after_a_parameter_are_resolved():
    template = "%(who)s이(가) 없습니다. 이(가) 그대로, ‘%(answer)s’을(를) 골랐고 %(path)s(으)로 갑니다. %(n)d개"
    values = {"who": "web 컨테이너", "answer": "참", "path": "/data", "n": 3}
    text = attach_particles(template, values) % values
    assert text == "web 컨테이너가 없습니다. 이(가) 그대로, ‘참’을 골랐고 /data로 갑니다. 3개"


def test_a_missing_value_leaves_the_double_form():
    assert attach_particles("%(who)s이(가)", {}) == "%(who)s이(가)"


def test_an_ending_without_letters_counts_as_a_vowel():
    assert ending("") is False and ending("→") is False and particle("이(가)", "...") == "가"
