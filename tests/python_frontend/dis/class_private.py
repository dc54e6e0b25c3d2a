class Secret:
    def __init__(self):
        self.__hidden = 1
        self.__public__ = 2
    def __method(self):
        return self.__hidden
