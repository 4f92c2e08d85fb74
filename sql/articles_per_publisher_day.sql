-- One row per publisher and publication day: how many articles, and how much text.
-- Articles with no publisher or date are counted under NULL, so totals always add up.
SELECT
    publisher,
    CAST(published_at AS DATE) AS day,
    count(*) AS articles,
    sum(char_count) AS characters
FROM articles
GROUP BY ALL
ORDER BY day NULLS LAST, publisher NULLS LAST
