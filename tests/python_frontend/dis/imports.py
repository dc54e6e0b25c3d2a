import os
import os.path as osp
import a.b.c
from collections import OrderedDict as OD, deque
from . import sibling
from .pkg import *
