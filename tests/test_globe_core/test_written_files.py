"""Files reach the jobs that read them back as they are written, each once, none missed."""

from __future__ import annotations

from globe_core import background, written_files


def received(items) -> list[str]:
    return list(items)


def test_each_file_goes_once_as_it_is_written_and_the_listing_completes_it(tmp_path):
    settings, completed = {}, []
    output = str(tmp_path / "output")
    feed = background.start_fed_process(settings, "reader", received, (), completed.append)
    follower = written_files.follow(output, feed, (".html", ".xml"))
    context = {"OUTPUT_PATH": output}
    for name in ("a/index.html", "feed.xml", "style.css", "a/index.html"):
        written_files.pass_written(f"{output}/{name}", context=context)
    written_files.pass_written(f"{tmp_path}/elsewhere/index.html", {"OUTPUT_PATH": "other"})

    sent = written_files.end(follower, ["feed.xml", "b/email.html", "a/index.html"])
    background.finish_all(settings)
    assert completed == [["a/index.html", "feed.xml", "b/email.html"]]
    assert sent == {"a/index.html", "feed.xml", "b/email.html"}
    # ended: files written from now on are not its business
    written_files.pass_written(f"{output}/c/index.html", context=context)
    assert sent == {"a/index.html", "feed.xml", "b/email.html"}


def test_many_files_arrive_in_batches_in_the_order_written(tmp_path):
    settings, completed = {}, []
    output = str(tmp_path)
    feed = background.start_fed_process(settings, "reader", received, (), completed.append)
    follower = written_files.follow(output, feed, (".html",))
    names = [f"{number}/index.html" for number in range(3 * written_files.BATCH + 5)]
    for name in names:
        written_files.pass_written(f"{output}/{name}", {"OUTPUT_PATH": output})
    written_files.end(follower, [])
    background.finish_all(settings)
    assert completed == [names]


def test_the_output_is_listed_once_a_build_and_added_files_join_the_listing(tmp_path):
    output = tmp_path / "output"
    (output / "a").mkdir(parents=True)
    (output / "a" / "index.html").write_text("a", encoding="utf-8")
    settings = {"OUTPUT_PATH": str(output)}
    assert written_files.listing(settings) == ["a/index.html"]
    (output / "late.html").write_text("not listed: the listing is this build's", "utf-8")
    assert written_files.listing(settings) == ["a/index.html"]
    (output / "index" / "x").mkdir(parents=True)
    (output / "index" / "x" / "entry.json").write_text("{}", encoding="utf-8")
    written_files.listed(settings, str(output / "index"))
    assert written_files.listing(settings) == ["a/index.html", "index/x/entry.json"]
    written_files.forget(settings)  # the next build lists its output again
    assert sorted(written_files.listing(settings)) == [
        "a/index.html", "index/x/entry.json", "late.html"]
