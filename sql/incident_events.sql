-- One row per event (the `events` table), with the incident it belongs to (`incident_id`) and the
-- keys it was matched on. Events are one incident when they have the same sub_event_type, the same
-- place (country_code + location normalized for case, diacritics, "oblast"/"province", "city" and
-- transliteration: Kiev = Kyiv, Kharkov = Kharkiv, Odessa = Odesa ...), days at most one day apart
-- (an event without a date takes its article's published day; month- and year-precise dates only
-- match the same month or year) and compatible actors (a NULL or generic actor matches any actor;
-- "Russian forces", "Moscow" and "Putin" are one side). Events without a place or a day are
-- incidents of their own. Days are grouped from the earliest: an incident spans at most two days.
WITH RECURSIVE place_alias(variant, canonical) AS (
    VALUES ('kiev', 'Kyiv'), ('kyiv', 'Kyiv'), ('kyyiv', 'Kyiv'),
           ('kharkov', 'Kharkiv'), ('kharkiv', 'Kharkiv'),
           ('odessa', 'Odesa'), ('odesa', 'Odesa'),
           ('lvov', 'Lviv'), ('lviv', 'Lviv'), ('lwow', 'Lviv'),
           ('nikolaev', 'Mykolaiv'), ('nikolayev', 'Mykolaiv'), ('mykolayiv', 'Mykolaiv'), ('mykolaiv', 'Mykolaiv'),
           ('zaporozhye', 'Zaporizhzhia'), ('zaporizhzhya', 'Zaporizhzhia'), ('zaporizhia', 'Zaporizhzhia'),
           ('zaporizhzhia', 'Zaporizhzhia'), ('zaporozhzhia', 'Zaporizhzhia'), ('zaporizhzhe', 'Zaporizhzhia'),
           ('lugansk', 'Luhansk'), ('luhansk', 'Luhansk'),
           ('dnepr', 'Dnipro'), ('dnipro', 'Dnipro'), ('dnepropetrovsk', 'Dnipro'), ('dnipropetrovsk', 'Dnipro'),
           ('chernigov', 'Chernihiv'), ('chernihiv', 'Chernihiv'),
           ('chernobyl', 'Chornobyl'), ('chornobyl', 'Chornobyl'),
           ('artemovsk', 'Bakhmut'), ('artemivsk', 'Bakhmut'), ('bakhmut', 'Bakhmut'),
           ('severodonetsk', 'Sievierodonetsk'), ('sievierodonetsk', 'Sievierodonetsk'),
           ('syevyerodonetsk', 'Sievierodonetsk'),
           ('lisichansk', 'Lysychansk'), ('lysychansk', 'Lysychansk'),
           ('krivoy rog', 'Kryvyi Rih'), ('kryvyy rih', 'Kryvyi Rih'), ('kryvyi rih', 'Kryvyi Rih'),
           ('vinnitsa', 'Vinnytsia'), ('vinnytsia', 'Vinnytsia'), ('vinnytsya', 'Vinnytsia'),
           ('zhitomir', 'Zhytomyr'), ('zhytomyr', 'Zhytomyr'),
           ('rovno', 'Rivne'), ('rivne', 'Rivne'),
           ('kramatorsk', 'Kramatorsk'), ('mariupol', 'Mariupol'), ('kherson', 'Kherson'),
           ('donetsk', 'Donetsk'), ('sumy', 'Sumy'), ('poltava', 'Poltava'), ('avdiivka', 'Avdiivka'),
           ('avdeyevka', 'Avdiivka'), ('avdeevka', 'Avdiivka'), ('irpen', 'Irpin'), ('irpin', 'Irpin'),
           ('bucha', 'Bucha'), ('hostomel', 'Hostomel'), ('gostomel', 'Hostomel'),
           ('donbas', 'Donbas'), ('donbass', 'Donbas'), ('crimea', 'Crimea'), ('moscow', 'Moscow'), ('belgorod', 'Belgorod'),
           ('bryansk', 'Bryansk'), ('kursk', 'Kursk')
), ev AS (
    SELECT
        e.*,
        a.published_at,
        coalesce(nullif(trim(a.publisher), ''),
                 nullif(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://(www\.)?([^/:?#]+)', 2), '')) AS publisher,
        -- "Kiev Oblast" -> stem "kiev", suffix " region"
        trim(regexp_replace(regexp_replace(lower(strip_accents(e.location)), '[''’`ʼ]', '', 'g'),
                            '[^a-z0-9]+', ' ', 'g')) AS loc_norm
    FROM events e
    LEFT JOIN articles a USING (article_id)
), ev_place AS (
    SELECT
        ev.*,
        regexp_replace(regexp_replace(regexp_replace(loc_norm, '^the ', ''), ' (city|town|village)$', ''),
                       ' (regions?|oblasts?|provinces?|governorates?)$', '') AS loc_stem,
        CASE WHEN regexp_matches(loc_norm, ' (regions?|oblasts?|provinces?|governorates?)$') THEN ' region' ELSE '' END
            AS loc_suffix
    FROM ev
), keyed AS (
    SELECT
        p.event_id, p.article_id, p.publisher, p.published_at, p.event_type, p.sub_event_type,
        p.actor, p.location, p.country_code, p.latitude, p.longitude, p.event_date, p.date_precision,
        p.fatalities, p.injuries,
        CASE WHEN p.loc_stem = '' THEN NULL
             WHEN al.canonical IS NOT NULL THEN al.canonical || p.loc_suffix
             ELSE trim(p.location) END AS place,
        CASE WHEN p.loc_stem <> '' THEN coalesce(lower(al.canonical), p.loc_stem) || p.loc_suffix END AS place_key,
        coalesce(p.event_date, CAST(p.published_at AS DATE)) AS day,
        CASE WHEN p.event_date IS NOT NULL THEN 'event' WHEN p.published_at IS NOT NULL THEN 'published' END
            AS day_source,
        CASE WHEN p.event_date IS NOT NULL AND p.date_precision IN ('month', 'year') THEN p.date_precision
             ELSE 'day' END AS day_precision,
        -- actors: one key per side; generic words and pronouns match any actor
        CASE
            WHEN p.actor IS NULL THEN NULL
            WHEN regexp_matches(lower(strip_accents(p.actor)),
                 '\b(russia|russian|russians|moscow|kremlin|putin)\b') THEN 'russia'
            WHEN regexp_matches(lower(strip_accents(p.actor)),
                 '\b(ukraine|ukrainian|ukrainians|kyiv|kiev|zelensky|zelenskyy|zelenskiy)\b') THEN 'ukraine'
            WHEN regexp_matches(lower(trim(p.actor)),
                 '^(the )?(military|army|forces|troops|government|authorities|officials|minister|ministry|police|'
                 || 'he|she|it|they|we|someone|unknown|attackers|gunmen|militants)$') THEN NULL
            ELSE regexp_replace(regexp_replace(lower(strip_accents(trim(p.actor))), '^the ', ''), '[^a-z0-9]+', ' ', 'g')
        END AS actor_key
    FROM ev_place p
    LEFT JOIN place_alias al ON al.variant = p.loc_stem
), filled AS (
    -- a missing country code takes the one its place has elsewhere
    SELECT k.*,
           CASE WHEN k.place_key IS NULL THEN k.country_code
                ELSE coalesce(k.country_code, mode(k.country_code) OVER (PARTITION BY k.place_key)) END AS country_key,
           (k.place_key IS NOT NULL AND k.day IS NOT NULL) AS mergeable
    FROM keyed k
), grouped AS (
    SELECT f.*,
           CASE WHEN mergeable THEN concat_ws('|', sub_event_type, coalesce(country_key, ''), place_key, day_precision)
           END AS grp
    FROM filled f
), ranked_days AS (
    SELECT grp, day, row_number() OVER (PARTITION BY grp ORDER BY day) AS rn
    FROM (SELECT DISTINCT grp, day FROM grouped WHERE grp IS NOT NULL)
), walk AS (
    -- walk each group's days in order: a day more than one day after the current start opens a new window
    SELECT grp, rn, day, day AS window_start FROM ranked_days WHERE rn = 1
    UNION ALL
    SELECT r.grp, r.rn, r.day,
           CASE WHEN r.day - w.window_start > 1 THEN r.day ELSE w.window_start END
    FROM walk w JOIN ranked_days r ON r.grp = w.grp AND r.rn = w.rn + 1
), windowed AS (
    SELECT g.*, w.window_start
    FROM grouped g LEFT JOIN walk w ON w.grp = g.grp AND w.day = g.day
), actor_rank AS (
    -- within a window, events of an unknown actor join the actor named most often
    SELECT grp, window_start, actor_key,
           row_number() OVER (PARTITION BY grp, window_start ORDER BY count(*) DESC, actor_key) AS rk
    FROM windowed WHERE grp IS NOT NULL AND actor_key IS NOT NULL
    GROUP BY grp, window_start, actor_key
), assigned AS (
    SELECT w.*, coalesce(w.actor_key, ar.actor_key) AS incident_actor_key
    FROM windowed w
    LEFT JOIN actor_rank ar ON ar.grp = w.grp AND ar.window_start = w.window_start AND ar.rk = 1
)
SELECT
    'inc_' || left(md5(CASE WHEN grp IS NOT NULL
                            THEN concat_ws('|', grp, CAST(window_start AS VARCHAR), coalesce(incident_actor_key, ''))
                            ELSE 'event|' || event_id END), 16) AS incident_id,
    event_id, article_id, publisher, published_at,
    event_type, sub_event_type, actor, actor_key, incident_actor_key,
    location, place, place_key, country_key AS country_code, latitude, longitude,
    event_date, date_precision, day, day_source, day_precision,
    fatalities, injuries,
    grp IS NOT NULL AS mergeable
FROM assigned
ORDER BY incident_id, day, event_id
