"""Pure package; see README.md in this folder. The simulated Docker host: `DockerHost(seed).run(line)`."""

from app.dockersim.core.errors import CommandResult
from app.dockersim.host import DockerHost

__all__ = ["CommandResult", "DockerHost"]
