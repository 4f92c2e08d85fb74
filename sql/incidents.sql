-- One row per incident: one real-world event however many articles report it (see
-- incident_events for how events are matched). With the number of event rows, articles and
-- publishers reporting it, the first and last report times, and the lowest, highest and median
-- fatalities and injuries across the articles that give a number (each article counts once, with
-- its highest figure for the incident). ACLED codes the lowest: `fatalities` = `fatalities_min`.
WITH per_article AS (
    SELECT incident_id, article_id,
           max(fatalities) AS fatalities, max(injuries) AS injuries
    FROM incident_events
    GROUP BY incident_id, article_id
), figures_across AS (
    SELECT incident_id,
           count(fatalities) AS fatality_reports,
           min(fatalities) AS fatalities_min,
           max(fatalities) AS fatalities_max,
           CAST(median(fatalities) AS DOUBLE) AS fatalities_median,
           count(injuries) AS injury_reports,
           min(injuries) AS injuries_min,
           max(injuries) AS injuries_max,
           CAST(median(injuries) AS DOUBLE) AS injuries_median
    FROM per_article
    GROUP BY incident_id
), agg AS (
    SELECT
        incident_id,
        any_value(event_type) AS event_type,
        any_value(sub_event_type) AS sub_event_type,
        mode(place) AS place,
        any_value(place_key) AS place_key,
        mode(country_code) AS country_code,
        avg(latitude) AS latitude,
        avg(longitude) AS longitude,
        mode(actor) AS actor,
        any_value(incident_actor_key) AS actor_key,
        -- a date the articles give wins over a published day
        coalesce(min(day) FILTER (WHERE day_source = 'event'), min(day)) AS event_date,
        any_value(day_precision) AS date_precision,
        CASE WHEN count(*) FILTER (WHERE day_source = 'event') > 0 THEN 'event'
             WHEN count(day) > 0 THEN 'published' END AS date_source,
        count(*) AS events,
        count(DISTINCT article_id) AS articles,
        count(DISTINCT publisher) AS publishers,
        min(published_at) AS first_reported_at,
        max(published_at) AS last_reported_at,
        list(DISTINCT location ORDER BY location) FILTER (WHERE location IS NOT NULL) AS locations_written,
        list(DISTINCT actor ORDER BY actor) FILTER (WHERE actor IS NOT NULL) AS actors_written,
        list(DISTINCT article_id ORDER BY article_id) AS article_ids
    FROM incident_events
    GROUP BY incident_id
)
SELECT
    agg.incident_id, agg.event_type, agg.sub_event_type, agg.event_date, agg.date_precision, agg.date_source,
    agg.place, agg.country_code, agg.latitude, agg.longitude, agg.actor,
    agg.events, agg.articles, agg.publishers, agg.first_reported_at, agg.last_reported_at,
    f.fatalities_min AS fatalities,
    f.fatalities_min, f.fatalities_max, f.fatalities_median, f.fatality_reports,
    f.injuries_min AS injuries,
    f.injuries_min, f.injuries_max, f.injuries_median, f.injury_reports,
    agg.locations_written, agg.actors_written, agg.article_ids,
    agg.place_key, agg.actor_key
FROM agg JOIN figures_across f USING (incident_id)
ORDER BY agg.event_date NULLS LAST, agg.sub_event_type, agg.place NULLS LAST, agg.incident_id
