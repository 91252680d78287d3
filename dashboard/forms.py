from django import forms


class DashboardFilterForm(forms.Form):
    """?don_vi=<id>&nam=<year>: both optional (the user's unit, the latest year with figures)."""

    don_vi = forms.IntegerField(required=False, min_value=1)
    nam = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    bieu = forms.CharField(required=False, max_length=40)
