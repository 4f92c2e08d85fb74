-- One row per day, country and sub-event type: how many incidents (events merged across articles,
-- see incidents), how many of them more than one article reported, and their fatalities and
-- injuries (`fatalities` sums each incident's lowest report, as ACLED codes; `fatalities_max` its
-- highest). Only incidents dated to a day count (an article's date, or its published day when the
-- article gives none); month- or year-precise and undated incidents are left out.
SELECT
    event_date AS day,
    country_code,
    event_type,
    sub_event_type,
    count(*) AS incidents,
    count(*) FILTER (WHERE articles > 1) AS multi_article_incidents,
    CAST(sum(articles) AS BIGINT) AS reports,
    CAST(coalesce(sum(fatalities_min), 0) AS BIGINT) AS fatalities,
    CAST(coalesce(sum(fatalities_max), 0) AS BIGINT) AS fatalities_max,
    CAST(coalesce(sum(injuries_min), 0) AS BIGINT) AS injuries,
    CAST(coalesce(sum(injuries_max), 0) AS BIGINT) AS injuries_max
FROM incidents
WHERE event_date IS NOT NULL AND date_precision = 'day'
GROUP BY ALL
ORDER BY day, country_code NULLS LAST, sub_event_type
