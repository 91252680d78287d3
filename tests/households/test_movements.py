import pytest

from households.models import Category
from households.movements import Movement, movement_between

P, N, A, X = Category.POOR, Category.NEAR_POOR, Category.AVERAGE, Category.NOT_POOR


@pytest.mark.parametrize("previous, current, ever_poor, expected", [
    (P, N, False, Movement.ESCAPED_POVERTY),
    (P, A, True, Movement.ESCAPED_POVERTY),
    (P, X, False, Movement.ESCAPED_POVERTY),
    (P, P, True, None),
    (N, A, False, Movement.ESCAPED_NEAR_POVERTY),
    (N, X, True, Movement.ESCAPED_NEAR_POVERTY),
    (N, N, False, None),
    (N, P, False, Movement.NEW_POOR),
    (N, P, True, Movement.RELAPSED_POOR),
    (A, P, False, Movement.NEW_POOR),
    (X, P, True, Movement.RELAPSED_POOR),
    (None, P, False, Movement.NEW_POOR),
    (A, N, False, Movement.NEW_NEAR_POOR),
    (None, N, False, Movement.NEW_NEAR_POOR),
    (X, N, True, Movement.NEW_NEAR_POOR),
    (A, X, False, None),
    (X, A, False, None),
    (P, None, False, None),
])
def test_movement_between(previous, current, ever_poor, expected):
    assert movement_between(previous, current, ever_poor) == expected
