"""Fixtures for the end-to-end tests.

- `moto_server` (session): one moto server on 127.0.0.1 at a free port, with AWS's managed
  policies loaded (MOTO_IAM_LOAD_MANAGED_POLICIES=true); stopped by its process id at the end.
- `aws` (per test): the aws CLI pointed at that server, after a reset of the server, so each
  test starts from an empty account (the AWS managed policies survive a reset: checked once).
- `preset`: tests that take it run once per name that `ecs-role-wizard presets` lists.

The binary under test is $ECS_ROLE_WIZARD, or .build/debug/ecs-role-wizard in the repository.
"""

from __future__ import annotations

import pytest

from e2e_support import REPO, AwsCli, MotoServer, list_presets, wizard_path


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "preset" in metafunc.fixturenames:
        if not wizard_path().is_file():
            raise pytest.UsageError(f"no ecs-role-wizard at {wizard_path()}: run `swift build` in {REPO} first")
        metafunc.parametrize("preset", list_presets())


@pytest.fixture(scope="session")
def wizard():
    path = wizard_path()
    if not path.is_file():
        pytest.fail(f"no ecs-role-wizard at {path}: run `swift build` in {REPO} or set ECS_ROLE_WIZARD")
    return path


@pytest.fixture(scope="session")
def moto_server(tmp_path_factory):
    server = MotoServer(tmp_path_factory.mktemp("moto") / "moto_server.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def aws_session(moto_server, tmp_path_factory):
    aws = AwsCli(moto_server.endpoint, tmp_path_factory.mktemp("aws-config"))
    # The plans attach AWS managed policies: they must be there, and survive a reset.
    moto_server.reset()
    policy = aws("iam", "get-policy", "--policy-arn",
                 "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
    assert policy["Policy"]["Path"] == "/service-role/"
    return aws


@pytest.fixture
def aws(aws_session, moto_server, wizard):
    """The aws CLI against an empty account."""
    moto_server.reset()
    return aws_session


@pytest.fixture
def elsewhere(tmp_path):
    """A working folder that is not the generated folder, to run the scripts from."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder
