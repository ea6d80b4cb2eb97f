# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The open book of a small firm: what is a change of terms worth?
#
# *Atelier Lenoir*, a small engineering firm, sells to five large customers. It invoices
# at the end of each month, grants each customer its usual terms, and wonders what the
# credit-management advice it keeps reading would bring:
#
# * invoice at once, the day the work is done, not at the end of the month ("facturer
#   immédiatement ... ne surtout pas attendre la fin du mois", Le Journal des
#   Entreprises, *travaillez votre poste clients*);
# * ask a deposit at order (Edebex, *Demander un acompte peut vous sauver la mise*);
# * offer 2 % for payment within 10 days, but only if it is cheaper than the money it
#   brings in early (the discount's annual cost against the cost of funds:
#   reference/finance.md §1.3);
# * remind at the due date, follow DSO, and keep every customer below 20 % of revenue.
#
# The book and the plan below are synthetic (a seeded random year), so the notebook runs
# anywhere. Every figure is computed by payterms; the charts are written to the folder
# named by `PAYTERMS_EXAMPLES_OUT` (the current folder by default).

# %%
import os
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import payterms as pt

OUT = Path(os.environ.get("PAYTERMS_EXAMPLES_OUT", "."))
AS_OF = date(2026, 6, 30)
rng = random.Random(2026)  # noqa: S311 - a reproducible synthetic year

# %% [markdown]
# ## The customers and a year of history
#
# Each customer pays in its own way: on fixed payment-run days, some a few days late,
# one closed in August, one paying later and later. We generate a year of paid invoices
# from these "true" payers; payterms will have to find them again from the history alone.

# %%
CUSTOMERS = {
    "Aubry": (pt.Payer(runs=pt.PaymentRun.monthly(10, 25)), pt.PaymentTerms.end_of_month(60)),
    "Bréval": (
        pt.Payer(runs=pt.PaymentRun.weekly(3), closures=((date(2025, 8, 1), date(2025, 8, 24)),)),
        pt.PaymentTerms.net(45),
    ),
    "Castel": (pt.Payer(runs=pt.PaymentRun.monthly(pt.PaymentRun.LAST)), pt.PaymentTerms.net(60)),
    "Dumas": (pt.Payer(runs=pt.PaymentRun.monthly(15)), pt.PaymentTerms.end_of_month(45)),
    "Ernst": (pt.Payer(runs=pt.PaymentRun.weekly(1)), pt.PaymentTerms.net(30)),
}
WEIGHT = {"Aubry": 9, "Bréval": 5, "Castel": 4, "Dumas": 3, "Ernst": 2}  # sales mix


def sale_amount() -> Decimal:
    """Return a random invoice amount, 1,500.00 to 9,000.00."""
    return Decimal(rng.randint(150_000, 900_000)).scaleb(-2)


history = []
for n in range(260):
    customer = rng.choices(list(WEIGHT), weights=list(WEIGHT.values()))[0]
    payer, terms = CUSTOMERS[customer]
    issued = date(2025, 6, 1) + timedelta(days=rng.randint(0, 394))
    due = terms.due_date(issued)
    lateness = rng.choice((0, 0, 0, 3, 8, 15))
    if customer == "Dumas":  # paying later and later
        lateness += (issued - date(2025, 6, 1)).days // 12
    paid = payer.cash_date(payer.payment_run(due, received=issued, delay=lateness))
    amount = sale_amount()
    history.append(
        {
            "invoice_no": f"H-{n:04d}",
            "client": customer,
            "issued": issued,
            "due": due,
            "amount": amount,
            "paid_on": paid if paid <= AS_OF else None,
            "terms": terms,
        }
    )
ledger = pd.DataFrame(history)
ledger.head()

# %% [markdown]
# ## Payment behaviour, learned
#
# `learn_behaviour` finds each customer's payment runs, the closures it skipped, its
# lateness, a Paydex-style score (80 = pays on time) and the trend of its days beyond
# terms, from the ledger as it is (its own column names, extra columns left alone).

# %%
COLUMNS = {"id": "invoice_no", "customer": "client"}
behaviours = pt.learn_behaviour(ledger.drop(columns="terms"), as_of=AS_OF, columns=COLUMNS)
behaviour_table = behaviours.to_frame()[
    ["customer", "runs", "days_beyond_terms", "score", "slope", "worsening", "closures"]
]
for column in ("days_beyond_terms", "slope"):
    behaviour_table[column] = [round(v, 1) for v in behaviour_table[column]]
print(behaviour_table.to_string())
print("paying later and later:", behaviours.worsening)

# %% [markdown]
# ## Cash in over the next quarter
#
# The open book at the end of June, and how sure the cash is: `cum_q90` is what has come
# in by the end of the week if every invoice is paid at its 90 % quantile date.

# %%
open_book = ledger[ledger["paid_on"].isna()].drop(columns=["paid_on", "terms"])
forecast = pt.cash_forecast(
    open_book, behaviours, as_of=AS_OF, horizon=13, freq="W", columns=COLUMNS
)
weekly = forecast.to_frame()
print(forecast)

fig, ax = plt.subplots(figsize=(8, 4))
ax.bar(weekly["period"], weekly["expected"].astype(float), width=5, label="expected per week")
for q, style in (("cum_q10", ":"), ("cum_q50", "-"), ("cum_q90", "--")):
    ax.plot(weekly["period"], weekly[q].astype(float), style, label=q)
ax.set_title("Cash-in forecast, next 13 weeks")
ax.legend()
fig.savefig(OUT / "whatif_forecast.png")
plt.close(fig)

# %% [markdown]
# ## Reminders at the due date
#
# The overdue invoices and their reminder days (a reminder on the day after the due
# date, a second after 15 days, a formal notice after 30), on Belgian business days.

# %%
ladder = pt.DunningLadder.parse("+1D reminder; +15D second reminder; +30D formal notice")
belgium = pt.BusinessCalendar.country("BE")
overdue = open_book[open_book["due"] < AS_OF].sort_values("due")
for row in overdue.tail(8).itertuples():
    reminders = ladder.plan(row.due, calendar=belgium, as_of=AS_OF).reminders
    step = f"{reminders[0].on}: {reminders[0].label}" if reminders else "ladder done: call them"
    print(f"{row.invoice_no}  {row.client:<7} due {row.due}  next {step}")

# %% [markdown]
# ## Next year's plan, and four changes of terms
#
# The same sales as a plan: each job is done on a day (`completed`), ordered some weeks
# before, invoiced at the end of the month. What is each piece of advice worth?

# %%
plan = pd.DataFrame(
    {
        "customer": ledger["client"],
        "amount": ledger["amount"],
        "completed": [d + timedelta(days=365) for d in ledger["issued"]],
        "ordered": [d + timedelta(days=365 - rng.randint(10, 40)) for d in ledger["issued"]],
        "terms": ledger["terms"],
        "cost": [a * Decimal("0.72") for a in ledger["amount"]],
    }
)
plan["sent"] = [(d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
                for d in plan["completed"]]  # fmt: skip
scenarios = [
    pt.Scenario("invoice at once", send=pt.SendPolicy.ON_COMPLETION),
    pt.Scenario("30 % deposit", deposit="0.3"),
    pt.Scenario("2/10, 40 % take it", discount=pt.DiscountTier(Decimal(2), "10D"), uptake="0.4"),
    pt.Scenario("Aubry on 45 days", customers=["Aubry"], terms=pt.PaymentTerms.net(45)),
]
comparison = pt.compare_scenarios(plan, behaviours, scenarios, as_of=date(2027, 6, 30), rate="0.06")
summary = comparison.to_frame().loc[
    ["DSO countback", "receivables", "financing cost", "discount cost", "margin after term",
     "cash freed", "financing saved"]
]  # fmt: skip
print(summary.map(lambda v: f"{v:,.2f}").to_string())

months = [label for label in comparison.to_frame().index if label.startswith("cash 2027")]
fig, ax = plt.subplots(figsize=(9, 4))
for name in ["baseline", *(s.name for s in scenarios)]:
    series = comparison.to_frame().loc[months, name].astype(float).cumsum()
    ax.plot(range(len(months)), series, label=name)
ax.set_xticks(range(len(months)), [m[-2:] for m in months])
ax.set_title("Cumulative cash in 2027 (EUR)")
ax.legend(fontsize=8)
fig.savefig(OUT / "whatif_scenarios.png")
plt.close(fig)

# %% [markdown]
# Is the 2 % discount worth offering? Its annual cost for a payment 35 days early (2/10
# instead of about 45 days) against 6 % money:

# %%
decision = pt.discount_decision(2, 10, 45, Decimal("0.06"), side=pt.Party.SELLER)
print(decision.explain())

# %% [markdown]
# And the headline the bank will ask about: bringing DSO from today's figure down to
# 45 days frees this much cash and saves this much financing a year.

# %%
sales_year = sum(plan["amount"], Decimal(0))
dso_now = dict(comparison.baseline.dso)[pt.DsoMethod.SIMPLE]
gain = pt.dso_improvement(sales_year, days=365, from_dso=dso_now.quantize(Decimal("0.1")),
                          to_dso=45, rate="0.06")  # fmt: skip
print(f"DSO {dso_now:.1f} -> 45 days: cash freed {gain.cash_freed:,}, "
      f"financing saved {gain.financing_saved:,} a year")  # fmt: skip

# %% [markdown]
# ## Credit limits and the 20 % rule
#
# Exposure (open invoices plus orders not yet invoiced) against each customer's limit,
# and the share of revenue month by month: a customer *above* 20 % is flagged.

# %%
limits = {"Aubry": Decimal("150000"), "Bréval": Decimal("80000"), "Castel": Decimal("80000"),
          "Dumas": Decimal("60000"), "Ernst": Decimal("30000")}  # fmt: skip
exposure = pt.credit_exposure(
    ledger.drop(columns="terms"),
    limits=limits,
    start=date(2026, 1, 1),
    end=AS_OF,
    columns=COLUMNS,
)
print(exposure.to_frame()[["customer", "limit", "exposure", "peak", "days_over_limit"]].to_string())
shares = exposure.concentration_frame()
print("above 20 % at the end of June:",
      list(shares[(shares["month_end"] == AS_OF) & shares["over"]]["customer"]))  # fmt: skip

daily = exposure.daily_frame()
fig, ax = plt.subplots(figsize=(8, 4))
for name, rows in daily.groupby("customer"):
    ax.plot(rows["day"], rows["exposure"].astype(float), label=name)
ax.set_title("Credit exposure, 2026 H1")
ax.legend(fontsize=8)
fig.savefig(OUT / "whatif_exposure.png")
plt.close(fig)
