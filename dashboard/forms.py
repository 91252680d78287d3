from django import forms


class DashboardFilterForm(forms.Form):
    """?don_vi=<id>&nam=<year>&dia_gioi=period|current: all optional (the user's unit, the latest year with
    figures, the default boundaries of that year)."""

    don_vi = forms.IntegerField(required=False, min_value=1)
    nam = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    bieu = forms.CharField(required=False, max_length=40)
    dia_gioi = forms.ChoiceField(required=False, choices=[("period", "Theo địa giới của năm"),
                                                          ("current", "Theo địa giới hiện nay")])
