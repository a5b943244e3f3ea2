import torch

x1 = torch.tensor(2.0, dtype=torch.double, requires_grad=True)
x2 = torch.tensor(0.0, dtype=torch.double, requires_grad=True)
w1 = torch.tensor(-3.0, dtype=torch.double, requires_grad=True)
w2 = torch.tensor(1.0, dtype=torch.double, requires_grad=True)
b = torch.tensor(6.8813735870195432, dtype=torch.double, requires_grad=True)
o = torch.tanh(x1*w1 + x2*w2 + b)
o.backward()
print(o.item())
print('x2', x2.grad.item())
print('w2', w2.grad.item())
print('x1', x1.grad.item())
print('w1', w1.grad.item())
