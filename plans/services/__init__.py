"""Writes for the plans app: every change goes through one of these functions.

Split by sub-domain: ``quotas`` (quota tables, the rules the grid and the Excel
import share), ``allocation`` (proposing a per-commune split), ``tasks`` (assigning
tasks, posting progress), ``targets`` (recording actuals against targets).
"""
