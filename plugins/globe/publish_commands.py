"""The `globe deploy`, `globe rollback` and `globe links` commands: parse, call, report."""

from __future__ import annotations

import sys

from globe_core.messages import _

from . import releases
from .writable_paths import file_to_write, folder_to_write


def cmd_deploy(args) -> int:
    try:
        with releases.ssh_from_environment() as ssh:
            target = releases.target_from_environment(args.target, ssh)
            name = releases.deploy(args.site, target,
                                   releases.rsync_options_from_environment(),
                                   after_switch=releases.after_switch_from_environment())
    except releases.AfterSwitchError as error:
        return _after_switch_failed(error)
    except releases.DeployError as error:
        print(_("Deploy failed: %(error)s", error=error), file=sys.stderr)
        print(_("The site that was online is still online."), file=sys.stderr)
        return 1
    print(_("Deployed %(folder)s to %(target)s as release %(release)s.",
            folder=args.site, target=str(target), release=name))
    return 0


def _after_switch_failed(error) -> int:
    print(error, file=sys.stderr)
    print(_("fix what the command reports on the server, then run it there by hand (or "
            "deploy again)"), file=sys.stderr)
    return 1


def cmd_rollback(args) -> int:
    try:
        with releases.ssh_from_environment() as ssh:
            target = releases.target_from_environment(args.target, ssh)
            name = releases.rollback(target, releases.after_switch_from_environment())
    except releases.AfterSwitchError as error:
        return _after_switch_failed(error)
    except releases.DeployError as error:
        print(_("Rollback failed: %(error)s", error=error), file=sys.stderr)
        return 1
    print(_("%(target)s now serves release %(release)s.", target=str(target), release=name))
    return 0


def cmd_links(args) -> int:
    from .link_report import run_external_check  # noqa: PLC0415 — only this command needs it

    return run_external_check(args)


def _add_target(parser) -> None:
    parser.add_argument("--target", help=_("a folder or user@host:folder (default: the "
                                           "DEPLOY_TARGET environment variable)"))


def add_commands(commands, content_options) -> None:
    """Add the publishing commands to the `globe` parser's sub-commands."""
    deploy = commands.add_parser("deploy", help=_("upload a production build as a new "
                                                  "release and switch to it"))
    deploy.add_argument("site", nargs="?", default="output",
                        help=_("the built site (default: output)"))
    _add_target(deploy)
    deploy.set_defaults(run=cmd_deploy)

    rollback = commands.add_parser("rollback", help=_("switch the site back to the "
                                                      "previous release"))
    _add_target(rollback)
    rollback.set_defaults(run=cmd_rollback)

    links = commands.add_parser("links", help=_("check the links of a production build"))
    content_options(links)
    links.add_argument("--external", action="store_true", required=True,
                       help=_("check links to other sites (internal links are checked by "
                              "every production build)"))
    links.add_argument("--report", default="links-report", type=folder_to_write,
                       help=_("folder for links.md and links.json (default: links-report)"))
    links.add_argument("--cache", type=file_to_write,
                       help=_("file keeping results between runs (default: "
                              ".cache/links.json)"))
    links.set_defaults(run=cmd_links)
