#!/usr/bin/env bash
# Fills a demo worker store with invented people and visits (no real data).
set -euo pipefail
cli=$1 store=$2
v() { "$cli" --store "$store" "$@"; }
anna=$(v person add --name "Anna Demo" --address "Storgatan 1, Exempelby")
sara=$(v person add --name "Sara Demo" --protected --address "Hemlig adress")
case_a=$(v case open --person "$anna")
case_s=$(v case open --person "$sara")
v case phase "$case_s" --set assessment >/dev/null
visit=$(v visit record --case "$case_a" --kind home --partner-present no)
note=$(v note add --visit "$visit" --text "Hembesök enligt plan. Inga synliga skador, klienten vill prata vid nästa separata samtal.")
v note sign "$note" >/dev/null
visit2=$(v visit record --case "$case_s" --kind separate --partner-present no)
v note add --visit "$visit2" --text "Separat samtal på kontoret. Säkerhetsplan påbörjad (utkast)." >/dev/null
