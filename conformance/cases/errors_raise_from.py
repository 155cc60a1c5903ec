# raise ... from ... prints the cause first, with "direct cause" between them.
class ConfigError(Exception):
    pass
def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise ConfigError("cannot load") from e
load()
