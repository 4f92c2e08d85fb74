-- One row per article: its counts of quotes, figures and events, its main place
-- (the location its events name most often), its most frequent sub-event type, its earliest
-- event date, and the fatalities and injuries its events report.
WITH q AS (
    SELECT article_id, count(*) AS quotes, count(DISTINCT speaker) AS speakers
    FROM quotes GROUP BY article_id
), f AS (
    SELECT article_id, count(*) AS figures,
           sum(value) FILTER (WHERE category = 'killed') AS reported_killed
    FROM figures GROUP BY article_id
), e AS (
    SELECT article_id, count(*) AS events,
           mode(location) AS main_location,
           mode(country_code) AS main_country_code,
           min(event_date) AS first_event_date,
           mode(sub_event_type) AS main_sub_event_type,
           sum(fatalities) AS fatalities,
           sum(injuries) AS injuries
    FROM events GROUP BY article_id
)
SELECT
    a.article_id, a.external_id, a.title, a.publisher, a.published_at,
    coalesce(q.quotes, 0) AS quotes,
    coalesce(q.speakers, 0) AS speakers,
    coalesce(f.figures, 0) AS figures,
    coalesce(e.events, 0) AS events,
    e.main_location, e.main_country_code, e.first_event_date,
    e.main_sub_event_type, e.fatalities, e.injuries, f.reported_killed
FROM articles a
LEFT JOIN q USING (article_id)
LEFT JOIN f USING (article_id)
LEFT JOIN e USING (article_id)
