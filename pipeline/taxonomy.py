"""The closed vocabularies of the warehouse contract (../shared/CONTRACT.md).

Extractors emit only these values and the asset checks reject anything else.
"""
from __future__ import annotations

QUOTE_KINDS = ("direct", "partial", "indirect", "according_to")

QUALIFIERS = ("=", "~", ">", "<", "up", "down")

FIGURE_CATEGORIES = (
    "killed", "injured", "missing", "displaced", "arrested", "launched", "intercepted",
    "damaged", "personnel", "money", "percent", "duration", "distance", "age", "count", "other",
)

DATE_PRECISIONS = ("day", "month", "year")

# sub_event_type -> event_type, in the contract's order (ACLED plus the CASE 2021 classes).
SUB_EVENT_TYPES: dict[str, str] = {
    "armed_clash": "battles",
    "government_regains_territory": "battles",
    "non_state_actor_overtakes_territory": "battles",
    "air_drone_strike": "explosions_remote_violence",
    "shelling_artillery_missile_attack": "explosions_remote_violence",
    "remote_explosive_landmine_ied": "explosions_remote_violence",
    "suicide_bomb": "explosions_remote_violence",
    "grenade": "explosions_remote_violence",
    "chemical_weapon": "explosions_remote_violence",
    "attack": "violence_against_civilians",
    "abduction_forced_disappearance": "violence_against_civilians",
    "sexual_violence": "violence_against_civilians",
    "peaceful_protest": "protests",
    "protest_with_intervention": "protests",
    "excessive_force_against_protesters": "protests",
    "violent_demonstration": "riots",
    "mob_violence": "riots",
    "agreement": "strategic_developments",
    "arrests": "strategic_developments",
    "change_to_group_activity": "strategic_developments",
    "disrupted_weapons_use": "strategic_developments",
    "headquarters_or_base_established": "strategic_developments",
    "looting_property_destruction": "strategic_developments",
    "non_violent_transfer_of_territory": "strategic_developments",
    "other": "strategic_developments",
    "diplomatic": "diplomacy",
    "verbal_conflict": "diplomacy",
    "organized_crime": "crime_disasters",
    "natural_disaster": "crime_disasters",
    "man_made_disaster": "crime_disasters",
}

EVENT_TYPES = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))

# ACLED's precedence: when tactics co-occur in one event, the earlier entry wins.
PRECEDENCE = (
    "chemical_weapon", "suicide_bomb", "air_drone_strike", "shelling_artillery_missile_attack",
    "remote_explosive_landmine_ied", "grenade", "government_regains_territory",
    "non_state_actor_overtakes_territory", "armed_clash", "sexual_violence",
    "abduction_forced_disappearance", "attack", "excessive_force_against_protesters",
    "violent_demonstration", "mob_violence", "protest_with_intervention", "peaceful_protest",
    "disrupted_weapons_use", "arrests", "looting_property_destruction",
    "headquarters_or_base_established", "non_violent_transfer_of_territory", "agreement",
    "change_to_group_activity", "organized_crime", "natural_disaster", "man_made_disaster",
    "diplomatic", "verbal_conflict", "other",
)
